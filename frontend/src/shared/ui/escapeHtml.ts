/**
 * Text for places that take HTML (an ECharts tooltip formatter's return value): every character that could open
 * markup is an entity, so a reason code named `<img src=x onerror=alert(1)>` shows as those characters (issue 17).
 * Never build HTML from data without it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
