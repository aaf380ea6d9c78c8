// Entry for the post step from the source tree; dist/post.js is the runner's entry.
import { post } from './post.js'

await post()
