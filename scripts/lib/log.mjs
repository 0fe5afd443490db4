// Small, dependency-free console helpers shared by start.mjs and test.mjs.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : String(s));

export const bold = paint('1');
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const dim = paint('2');

export function step(msg) {
  console.log(`${bold('==>')} ${msg}`);
}
export function info(msg) {
  console.log(`    ${msg}`);
}
export function warn(msg) {
  console.log(`${yellow('warn:')} ${msg}`);
}
export function error(msg) {
  console.error(`${red('error:')} ${msg}`);
}

/** A failure we can explain in one sentence: printed without a stack trace. */
export class UserError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UserError';
  }
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
