import "./chunks/group-shared-5D041639.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/group-main-D9E09AB1.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/group-post-20C1CF29.js");
  await revokeInPost();
}
export {
  post,
  run
};
