/** The admin gate plus `run` for the policy commands: the same typed runner the other panels use. */
import { useOperator, type Operator } from '../operator/use-operator'

export type PolicyOperator = Operator

export function usePolicyOperator(): PolicyOperator {
  return useOperator()
}
