/** "Dagens tall": the day's figures for the till's store, on screen and on the receipt printer. */
import { z } from 'zod';
import type { DayReport } from '../../core/day-report';
import type { PrintJobSummary } from '../devices';
import { command, returns } from './define';

export const reportsCommands = {
  /** Today (the programme's time zone) at this till's store, from the till's own data. */
  'report.today': command({
    input: z.object({}),
    output: returns<DayReport>(),
    role: 'manager',
    access: 'read',
  }),

  /** The same figures, printed on the receipt printer (409 `no_printer` without one). */
  'report.printToday': command({
    input: z.object({}),
    output: returns<PrintJobSummary>(),
    role: 'manager',
    access: 'write',
  }),
};
