import type { FrontdeskApi } from '../../preload/frontdesk-api';

declare global {
  interface Window {
    frontdesk: FrontdeskApi;
  }
}
