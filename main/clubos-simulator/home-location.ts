// A person's home location: stable per person, one of the club's locations.
import { deriveSeed } from './mulberry32';
import type { SimDeps } from './sim-context';

export function homeLocationId(personId: string, deps: Pick<SimDeps, 'state'>): string {
  const { locations } = deps.state.roster;
  return locations[deriveSeed(13, personId) % Math.max(1, locations.length)]?.id ?? '0';
}
