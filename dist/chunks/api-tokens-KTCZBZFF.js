import { API_TOKENS_PATH, ClassicTokensApi } from "./shared-D97229C0.js";
import "./shared-D97229C0.js";
export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
