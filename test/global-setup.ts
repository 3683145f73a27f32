// better-sqlite3 13 ships N-API 10 binaries; on an older Node it segfaults with no message.
// Fail loudly instead, and say how to run the tests.
export default function setup(): void {
  const napi = Number(process.versions.napi);
  if (!Number.isFinite(napi) || napi < 10) {
    throw new Error(
      `Node ${process.version} has N-API ${process.versions.napi ?? '?'}; better-sqlite3 needs N-API 10. ` +
        'Run the tests with "npm test" (it uses the Node 22 from devDependencies), not with the system Node.',
    );
  }
}
