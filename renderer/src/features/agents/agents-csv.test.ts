import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { agentsCsv, agentsCsvName, csvCell } from './agents-csv'

describe('agents CSV', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(0.025)).toBe('0.025')
    expect(csvCell(-1.5)).toBe('-1.5')
  })

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('writes a header and the rows in the order given, with CRLF line ends', () => {
    const csv = agentsCsv([sampleAgentRow({ id: 'bob', job: 'grocer', wallet: 12.5 }), sampleAgentRow({ id: 'ada', target: 'fridge_1', queue_pos: 0 })])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('id,hunger,hygiene,energy,wallet,home,job,shift,option,action,phase,target,queue_pos,x,y')
    expect(lines[1]).toBe('bob,0.8,0.7,0.6,12.5,house,grocer,off,idle,,arrived,,,2,1')
    expect(lines[2]).toBe('ada,0.8,0.7,0.6,5,house,,off,idle,,arrived,fridge_1,0,2,1')
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
  })

  it('names the file after the town and the tick', () => {
    expect(agentsCsvName('default', 1200)).toBe('agents-default-tick-1200.csv')
    expect(agentsCsvName(null, 0)).toBe('agents-town-tick-0.csv')
    expect(agentsCsvName('a/b c', 3)).toBe('agents-a_b_c-tick-3.csv')
  })
})
