import type { FrontdeskApi } from '../../common/frontdesk-api';

declare global {
  interface Window {
    frontdesk: FrontdeskApi;
  }
}
