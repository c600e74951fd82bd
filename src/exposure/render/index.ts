/** The map renderers: pure functions from the map report to text. */
import type {MapReport} from '../report.js'
import {renderDot} from './dot.js'
import {renderJson} from './json.js'
import {renderMermaid} from './mermaid.js'
import {renderText} from './text.js'

export const MAP_FORMATS = ['text', 'json', 'mermaid', 'dot'] as const
export type MapFormat = (typeof MAP_FORMATS)[number]

export function renderMap(report: MapReport, format: MapFormat, options: {color?: boolean} = {}): string {
  switch (format) {
    case 'json': {
      return renderJson(report)
    }

    case 'mermaid': {
      return renderMermaid(report)
    }

    case 'dot': {
      return renderDot(report)
    }

    default: {
      return renderText(report, options)
    }
  }
}
