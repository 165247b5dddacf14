/**
 * The narration's category filter as toggle chips: one button per category (aria-pressed says
 * whether it is shown), and "all", pressed while no category is chosen, which clears the choice.
 * Choosing none shows every category, so the feed is never filtered to nothing by accident.
 */
export function CategoryChips(props: { categories: readonly string[]; chosen: readonly string[]; onChange: (chosen: string[]) => void }) {
  const { categories, chosen, onChange } = props
  const toggle = (category: string) => onChange(chosen.includes(category) ? chosen.filter((c) => c !== category) : [...chosen, category])
  return (
    <div className="category-chips" role="group" aria-label="Show only these categories (none chosen: all)" data-testid="narration-filter-category">
      <button type="button" className="chip category-toggle" aria-pressed={chosen.length === 0} data-testid="narration-filter-all" data-shortcut-filter onClick={() => onChange([])}>
        all
      </button>
      {categories.map((category) => (
        <button
          key={category}
          type="button"
          className={`chip category-toggle category-${category}`}
          aria-pressed={chosen.includes(category)}
          data-testid="narration-chip"
          data-category={category}
          onClick={() => toggle(category)}
        >
          {category}
        </button>
      ))}
    </div>
  )
}
