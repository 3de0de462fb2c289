/** A report's table: its header, a row per day (or store, member, card), and the totals. */
import type { ReportModel } from './models';

export function ReportTable({ model }: { model: ReportModel }) {
  const cell = (figure: boolean | undefined) => (figure ? 'rep-figure' : undefined);
  return (
    <div className="rep-table-wrap">
      <table className="bo-table rep-table" data-testid="rep-table">
        <thead>
          <tr>
            {model.header.map((label, i) => (
              <th key={label} scope="col" className={cell(model.rows[0]?.[i]?.figure)}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className={cell(value.figure)}>
                    {value.shown}
                  </th>
                ) : (
                  <td key={c} className={cell(value.figure)}>
                    {value.shown}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {model.footer && (
          <tfoot>
            <tr>
              {model.footer.map((value, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {value.shown}
                  </th>
                ) : (
                  <td key={c} className={cell(value.figure)}>
                    {value.shown}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
