// The ClubOS simulator's public API.
export { startSimulator } from './simulator';
export { FAULT_MODES } from './types';
export type {
  ClubOSSimulator,
  FaultMode,
  FaultRule,
  SimFaults,
  SimFollowUpEntry,
  SimMember,
  SimMessage,
  SimStaff,
  SimulatorOptions,
} from './types';
