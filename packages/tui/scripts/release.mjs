#!/usr/bin/env node
// pnpm release [patch|minor|major|X.Y.Z|--check]: bump the version, build, pack and prove the tarball.
// Publishes nothing: it prints the command a maintainer runs to publish the checked tarball.
//   --check   keep the version (what CI and a reviewer run)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(pkgDir, '..', '..');
const pkgPath = join(pkgDir, 'package.json');
const pkgText = readFileSync(pkgPath, 'utf8');
const pkg = JSON.parse(pkgText);
const arg = process.argv[2] ?? 'patch';
const run = (cmd, args, cwd = pkgDir, env = process.env) =>
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env });

function bump(version, how) {
  if (/^\d+\.\d+\.\d+$/.test(how)) return how;
  const [maj, min, pat] = version.split('.').map(Number);
  if (how === 'major') return `${maj + 1}.0.0`;
  if (how === 'minor') return `${maj}.${min + 1}.0`;
  if (how === 'patch') return `${maj}.${min}.${pat + 1}`;
  console.error(`release: "${how}" is not patch, minor, major, X.Y.Z or --check`);
  process.exit(2);
}

const version = arg === '--check' ? pkg.version : bump(pkg.version, arg);
if (version !== pkg.version) {
  const changelogPath = join(pkgDir, 'CHANGELOG.md');
  const changelog = readFileSync(changelogPath, 'utf8');
  if (!changelog.includes(`## ${version}`)) {
    // The Unreleased section becomes this version's.
    if (!changelog.includes('## Unreleased')) {
      console.error(
        `release: CHANGELOG.md has neither "## ${version}" nor "## Unreleased"; write the changes first`,
      );
      process.exit(2);
    }
    const tmp = `${changelogPath}.${process.pid}.tmp`;
    writeFileSync(tmp, changelog.replace('## Unreleased', `## Unreleased\n\n## ${version}`), { flag: 'wx' });
    renameSync(tmp, changelogPath);
  }
  const tmp = `${pkgPath}.${process.pid}.tmp`;
  writeFileSync(tmp, pkgText.replace(`"version": "${pkg.version}"`, `"version": "${version}"`), {
    flag: 'wx',
  });
  renameSync(tmp, pkgPath);
  console.log(`release: ${pkg.version} → ${version}`);
}

run('pnpm', ['run', 'build']);
const out = join(pkgDir, 'release');
mkdirSync(out, { recursive: true });
// pnpm pack, not npm pack: it rewrites the catalog: and workspace: specifiers npm cannot read.
run('pnpm', ['pack', '--pack-destination', out]);
const tarball = join(out, `buildproxy-${version}.tgz`);
run('npx', ['vitest', 'run', 'packages/tui/test/pack.test.ts'], repo, {
  ...process.env,
  BUILDPROXY_TARBALL: tarball,
});
console.log(`\nrelease: ${tarball} is checked. Nothing was published; to publish it: npm publish ${tarball}`);
