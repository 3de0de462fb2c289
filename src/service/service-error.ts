/**
 * Every failure of a command: a code, what went wrong and what to do as a
 * catalogue message (`said`), the field at fault. `text` renders it in every
 * language for API clients and logs; `message` is the English unless given
 * (invalid input keeps its "field: …" form for API clients).
 */
import type { Msg } from '../core/i18n';
import type { ErrorBody } from '../contract/commands';
import { render, renderAll } from '../i18n/render';
import type { Rendered } from '../i18n/render';

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly said: Msg,
    readonly field: string | null = null,
    readonly status = 400,
    message: string = render(said, 'en'),
  ) {
    super(message);
    this.name = 'ServiceError';
  }
  /** What went wrong and what to do, in every language. */
  get text(): Rendered {
    return renderAll(this.said);
  }
  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      field: this.field,
      text: this.text,
      said: this.said,
    };
  }
}
