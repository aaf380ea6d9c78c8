import { API_TOKENS_PATH, ClassicTokensApi } from "./group-shared-3E48626C.js";
import "./group-shared-3E48626C.js";





export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
