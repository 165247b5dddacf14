/**
 * The precondition language of affordance definitions, e.g.
 * `stock.meals > 0 and agent.wallet >= economy.meal_cost`: parsed once when a config loads,
 * interpreted (never compiled to code) each time an agent tries to start the affordance.
 */
export type {
  CompareExpr,
  CompareOp,
  Expr,
  ListExpr,
  LiteralExpr,
  LiteralValue,
  LogicalExpr,
  NameExpr,
  NegateExpr,
  NotExpr,
  ReferenceExpr,
  SubscriptExpr
} from './ast'
export { subscriptOf } from './ast'
export { describeExpr } from './describe-expr'
export { evaluatePrecondition, type PreconditionScope } from './evaluate'
export { MAX_PRECONDITION_DEPTH, MAX_PRECONDITION_LENGTH, parsePrecondition, type ParseResult } from './parser'
