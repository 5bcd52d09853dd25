import { InvalidInputError } from './errors.js';

/** Which way a measure should move: `up` when more is better, `down` when less is. */
export type Direction = 'up' | 'down';

export function checkDirection(direction: Direction): Direction {
  if (direction !== 'up' && direction !== 'down') {
    throw new InvalidInputError(
      `Direction must be "up" or "down", got ${JSON.stringify(direction)}`,
    );
  }
  return direction;
}
