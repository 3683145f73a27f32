// ClubOS role ids and the role objects the view data carries. Ids 2, 3 and 4 and their icons are
// from real pages (MARKUP.md); the others are invented for roles no capture shows.
export interface SimRole {
  id: number;
  name: string;
  iconFile: string;
  cssClassName: string;
  employee: boolean;
}

const ROLES: readonly SimRole[] = [
  { id: 1, name: 'Member', iconFile: 'icon_member.png', cssClassName: 'member', employee: false },
  { id: 2, name: 'Club Admin', iconFile: 'icon_club_manager.png', cssClassName: 'club-admin', employee: true },
  { id: 3, name: 'Location Manager', iconFile: 'icon_location_manager.png', cssClassName: 'location-manager', employee: true },
  { id: 4, name: 'Salesperson', iconFile: 'icon_sales_manager.png', cssClassName: 'salesperson', employee: true },
  { id: 5, name: 'Trainer', iconFile: 'icon_trainer.png', cssClassName: 'trainer', employee: true },
  { id: 6, name: 'Front Desk', iconFile: 'icon_front_desk.png', cssClassName: 'front-desk', employee: true },
];

const BY_STAFF_ROLE: Readonly<Record<string, number>> = {
  'Club Manager': 2,
  'Location Manager': 3,
  'Sales Associate': 4,
  'Personal Trainer': 5,
  'Front Desk': 6,
};

export const MEMBER_ROLE: SimRole = ROLES[0]!;

/** The role of a roster staff member (roster.ts names roles in words). */
export function staffRole(role: string): SimRole {
  return ROLES.find((r) => r.id === (BY_STAFF_ROLE[role] ?? 6)) ?? MEMBER_ROLE;
}

/** The `role` object of the captured `actingUser`, with its flags. */
export function roleObject(role: SimRole): Record<string, unknown> {
  return {
    name: role.name,
    id: role.id,
    iconFile: role.iconFile,
    employee: role.employee,
    manager: role.id === 2 || role.id === 3,
    systemAdmin: false,
    clubAdmin: role.id === 2,
    locationManager: role.id === 3,
    trainer: role.id === 5,
    cssClassName: role.cssClassName,
    salesperson: role.id === 4,
    frontDesk: role.id === 6,
    client: !role.employee,
    prospect: false,
    mmsOnly: false,
  };
}
