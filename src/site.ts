/** Site-wide names and navigation, in one place. */
export const SITE_NAME = '秘书实务学堂';
export const SITE_DESCRIPTION = '面向办公室秘书、商务秘书与一线服务人员的学习与秘书职业技能等级认定备考网站：章节学习、练习、模拟考试与培训师工具。';

export interface NavItem {
  href: string;
  label: string;
  /** Other paths that belong to this item, so it is marked current there too. */
  also?: readonly string[];
}

/** The header navigation on wide screens. */
export const NAV: readonly NavItem[] = [
  { href: '/', label: '学习', also: ['/chapters/', '/glossary/'] },
  { href: '/practice/', label: '练习' },
  { href: '/exam/', label: '模拟考试' },
  { href: '/bank/', label: '题库' },
  { href: '/progress/', label: '进度' },
  { href: '/trainer/', label: '培训师' },
];

/** The bottom tab bar on phones; 更多 holds everything else. */
export const TABS: readonly (NavItem & { icon: string })[] = [
  { href: '/', label: '学习', also: ['/chapters/'], icon: 'M4 5.5C4 4.7 4.7 4 5.5 4H11v16H5.5C4.7 20 4 19.3 4 18.5ZM13 4h5.5c.8 0 1.5.7 1.5 1.5v13c0 .8-.7 1.5-1.5 1.5H13Z' },
  { href: '/practice/', label: '练习', icon: 'M4 20h4L19 9l-4-4L4 16Zm9-13 4 4' },
  { href: '/exam/', label: '考试', icon: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12v4l3 2M9 2h6' },
  { href: '/progress/', label: '进度', icon: 'M4 20V10m6 10V4m6 16v-7m4 7H2' },
  { href: '/more/', label: '更多', also: ['/bank/', '/glossary/', '/search/', '/trainer/'], icon: 'M5 12h.01M12 12h.01M19 12h.01' },
];

/** Whether `item` is the current page's section of the site. */
export function isCurrent(item: NavItem, path: string): boolean {
  const matches = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));
  return matches(item.href) || (item.also ?? []).some(matches);
}
