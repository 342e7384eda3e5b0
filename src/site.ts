/** Site-wide names and navigation, in one place. */
export const SITE_NAME = '秘书实务学堂';
export const SITE_DESCRIPTION = '面向办公室秘书、商务秘书与一线服务人员的学习与秘书职业资格备考网站：章节学习、练习、模拟考试与培训师工具。';

export interface NavItem {
  href: string;
  label: string;
  /** Not built yet: shown with 即将推出. */
  soon?: boolean;
}

export const NAV: NavItem[] = [
  { href: '/', label: '学习' },
  { href: '/practice/', label: '练习' },
  { href: '/exam/', label: '模拟考试' },
  { href: '/bank/', label: '题库' },
  { href: '/progress/', label: '进度' },
  { href: '/search/', label: '搜索' },
  { href: '/trainer/', label: '培训师' },
];
