import {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
} from "./chunk-23M2A6PA.js";
import "./group-shared-3E48626C.js";

export {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
};
