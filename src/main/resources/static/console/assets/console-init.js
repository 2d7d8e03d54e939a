// GOV.UK Frontend's components (error summaries, details, tabs); every page reads without it.
import { initAll } from './govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// A scheduled version's countdown, written by the server from its own clock, ticks down
// from there in the same words (ConsoleFormat.countdown); without script it stays as written.
const started = Date.now()
const countdowns = document.querySelectorAll('.console-countdown__left[data-seconds]')
function left (seconds) {
  const minutes = Math.floor(seconds / 60)
  if (minutes < 1) return 'less than a minute'
  const amounts = [[Math.floor(minutes / 1440), 'day'], [Math.floor(minutes / 60) % 24, 'hour'], [minutes % 60, 'minute']]
  const parts = []
  for (const [amount, unit] of amounts) {
    if (parts.length === 2) break
    if (amount > 0) parts.push(amount + ' ' + unit + (amount === 1 ? '' : 's'))
    else if (parts.length > 0) break
  }
  return parts.join(' ')
}
function tick () {
  const gone = Math.floor((Date.now() - started) / 1000)
  countdowns.forEach(c => { c.textContent = left(Number(c.dataset.seconds) - gone) })
}
if (countdowns.length > 0) setInterval(tick, 15000)
