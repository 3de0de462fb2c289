/** Rows of the cloud's projections (cloud/db/migrations/013_projections.sql), as pure folds of events. */
export {
  advanceMemberFacts,
  lotChanges,
  memberFactsOf,
  openLotsOf,
  pointsAt,
  tierOfFacts,
} from './member-facts';
export type { MemberFacts, PointLotFact } from './member-facts';
export { firstBooking, isSaleEvent, resolveSaleFacts, saleBookingOf, withSale } from './sale-facts';
export type { SaleEvent, SaleFact, SaleFactKind } from './sale-facts';
