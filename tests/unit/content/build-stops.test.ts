import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { contentChecks } from '../../../src/content/content-checks-integration.ts';

// The integration is what makes `astro build` refuse invalid content; call its hook as Astro does.
function runSetup(fixture: string, command: 'build' | 'dev' | 'preview') {
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(m), error: (m: string) => logged.push(`ERROR ${m}`) };
  const hook = contentChecks({ contentDir: '.' }).hooks['astro:config:setup'] as unknown as (o: object) => void;
  const root = pathToFileURL(new URL(`../../fixtures/content/${fixture}/`, import.meta.url).pathname);
  const run = () => hook({ config: { root }, command, logger });
  return { run, logged };
}

describe('content checks during the build', () => {
  it('stop the build on invalid content, naming file, line and field', () => {
    const { run } = runSetup('unknown-section', 'build');
    expect(run).toThrow('questions/demo.yaml:16 questions[1].section: 小节 "third" 不在章节 demo 中');
  });

  it('let valid content through and say what was checked', () => {
    const { run, logged } = runSetup('valid', 'build');
    run();
    expect(logged).toEqual(['内容检查通过：1 章，4 道客观题，1 道案例分析，1 道工作实务，1 套试卷蓝图']);
  });

  it('keep the dev server running and log the problems instead', () => {
    const { run, logged } = runSetup('duplicate-id', 'dev');
    run();
    expect(logged[0]).toMatch(/^ERROR 内容检查未通过（1 处）/);
  });
});
