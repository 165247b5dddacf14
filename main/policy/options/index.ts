/** What a policy needs to act through options: the cadence, the masks and the primitives. */
export { atDecisionPoint, inProgress, RECONSIDER_EVERY } from './decision-point'
export { canWork, decisionFor, socialPartner } from './decision-for'
export { decisionMask, optionMask } from './option-mask'
export { findPartner, PARTNER_RADIUS, partnerCandidate } from './partner'
