import type { Prng } from '../../core/prng';
import { BookingBook } from './booking-book';
import type { Booking } from './records';
import { selfServices, type SelfService } from './stations';
import { hallTables, type Business, type Hall, type HallTables } from './tables';
import { TicketDesk } from './ticket-desk';

/** Everything the hall system's routes share: the tables, looked up by code, and the changing state. */
export interface HallState {
  tables: HallTables;
  halls: ReadonlyMap<string, Hall>;
  businesses: ReadonlyMap<string, Business>;
  districts: ReadonlyMap<string, string>;
  stations: readonly SelfService[];
  terminals: readonly SelfService[];
  book: BookingBook;
  desk: TicketDesk;
  /** The hall's and business's names for a booking on the wire. */
  namesOf(booking: Booking): { dtmc: string; ywmc: string };
}

export function createHallState(seed: number, random: (stream: string) => Prng): HallState {
  const tables = hallTables();
  const halls = new Map(tables.halls.map((hall) => [hall.dtbh, hall]));
  const businesses = new Map(tables.businesses.map((business) => [business.ywdm, business]));
  const { stations, terminals } = selfServices(tables, seed);
  return {
    tables,
    halls,
    businesses,
    districts: new Map(tables.districts.map((district) => [district.qxdm, district.qxmc])),
    stations,
    terminals,
    book: new BookingBook(halls, random),
    desk: new TicketDesk(seed, halls, businesses),
    namesOf: (booking) => ({
      dtmc: halls.get(booking.dtbh)?.dtmc ?? '',
      ywmc: businesses.get(booking.ywdm)?.ywmc ?? '',
    }),
  };
}
