/**
 * `npm run docs`: regenerates docs/rules/ (a page per rule and the index) from
 * rule metadata and fixtures. Run it after adding or changing a rule; a test
 * fails while the pages are stale.
 */
import {writeRuleDocs} from '../src/docs/rule-docs.js'
import {loadRules} from '../src/engine/registry.js'

const {written, removed} = await writeRuleDocs(await loadRules())
for (const file of written) console.log(`wrote ${file}`)
for (const file of removed) console.log(`removed ${file}`)
if (written.length === 0 && removed.length === 0) console.log('docs/rules/ is up to date')
