/** The "add to this week's plan" buttons on activity pages, kept in this browser's plan. */
import { planQuery, toggle } from '../lib/plan.ts'
import { loadPlan, savePlan } from './plan-store.ts'

export function setUpPlanButtons(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.plan-button')) {
    const { lang, slug, add, remove, added } = box.dataset as Record<string, string>
    const button = box.querySelector('button')!
    const open = box.querySelector<HTMLAnchorElement>('.js-only a')!
    const status = box.querySelector<HTMLElement>('[role=status]')!
    const base = open.pathname
    const show = (announce: boolean) => {
      const plan = loadPlan(lang)
      const inPlan = plan.activities.includes(slug)
      button.textContent = inPlan ? remove : add
      open.href = `${base}?${planQuery(plan)}`
      open.hidden = plan.activities.length === 0
      if (announce) status.textContent = inPlan ? added : ''
    }
    button.addEventListener('click', () => {
      savePlan(lang, toggle(loadPlan(lang), slug))
      show(true)
    })
    box.querySelector<HTMLElement>('.no-js-only')!.hidden = true
    box.querySelector<HTMLElement>('.js-only')!.hidden = false
    show(false)
  }
}
