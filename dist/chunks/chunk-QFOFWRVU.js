import {
  __commonJS,
  __require
} from "./chunk-YSH2IDXS.js";

// builtin-cjs:os
var require_os = __commonJS({
  "builtin-cjs:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin-cjs:fs
var require_fs = __commonJS({
  "builtin-cjs:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

export {
  require_os,
  require_fs
};
