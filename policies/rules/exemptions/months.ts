// Month arithmetic lives in policies/duration.ts (one end-of-month choice for every rule).
import { addMonths } from '../../duration';

export { addMonths };

export function addMonthsToMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}
