/**
 * Every failure of a command: a code, what went wrong and what to do in both
 * languages, the field at fault. `message` is the English text unless given
 * (invalid input keeps its "field: …" form for API clients).
 */
import type { Text } from '../core/i18n';
import type { ErrorBody } from '../contract/commands';

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
    readonly field: string | null = null,
    readonly status = 400,
    message: string = text.en,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
  toBody(): ErrorBody {
    return { code: this.code, message: this.message, field: this.field, text: this.text };
  }
}
