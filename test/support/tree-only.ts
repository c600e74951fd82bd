import {TreeCache} from '../../src/loaders/locate.js'

/** The locator as it was before the line reader: every document through the position tree (for the tests and the bench that compare the two). */
export class TreeOnly extends TreeCache {
  override plainOf(): undefined {
    return undefined
  }
}
