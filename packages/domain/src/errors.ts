/** Base class of every error the domain package throws on bad input, so callers can map them once. */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** A period label, date, period type or fiscal start month that cannot be used. */
export class PeriodError extends DomainError {
  override name = 'PeriodError';
}

/** Input to a calculation that breaks its contract (duplicate periods, NaN, an unknown rule…). */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError';
}
