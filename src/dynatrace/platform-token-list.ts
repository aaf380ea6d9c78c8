export {
  listPlatformTokens,
  type ListOptions,
  type PlatformTokenEntry,
  type PlatformTokenPage
} from './platform-tokens.js'
