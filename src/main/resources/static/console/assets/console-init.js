// GOV.UK Frontend's components (error summaries, details, tabs); every page reads without it.
import { initAll } from './govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
