/** The admin gate plus `run` for the policy commands, as useOperator gives for the others. */
import { useCommandRunner, type CommandRunner } from '../operator/use-operator'
import { POLICY_COMMANDS, type PolicyCommandName } from './policy-commands'

export type PolicyOperator = CommandRunner<PolicyCommandName>

export function usePolicyOperator(): PolicyOperator {
  return useCommandRunner(POLICY_COMMANDS)
}
