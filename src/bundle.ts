/**
 * The one bundle both entry points load (dist/index.js). It only exports: importing it
 * has no side effects. dist/main.js and dist/post.js are two-line wrappers that call
 * run() or post(), so main and post share one copy of every dependency.
 */
export { run } from './main.js'
export { post } from './post.js'
