/**
 * The one bundle both entry points load (dist/index.js). It only exports: importing it
 * has no side effects. dist/main.js and dist/post.js are two-line wrappers that call
 * run() or post(), so main and post share one copy of every dependency, and each step
 * loads only its own code (the post step never evaluates minting, IAM or the audit).
 */
export async function run(): Promise<void> {
  const { run: main } = await import('./main.js')
  await main()
}

export async function post(): Promise<void> {
  const { post: revokeInPost } = await import('./post.js')
  await revokeInPost()
}
