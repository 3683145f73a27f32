// The ClubOS simulator's public API.
export { startSimulator } from './simulator';
export { DASHBOARD_SHAPES, FAULT_MODES } from './types';
export type {
  ClubOSSimulator,
  DashboardShape,
  FaultMode,
  FaultRule,
  SimFaults,
  SimFollowUpEntry,
  SimMember,
  SimMessage,
  SimStaff,
  SimulatorOptions,
} from './types';
