// Well-known locations in the repository, independent of the caller's working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
export const SOLUTION = path.join(ROOT, 'CallCenter.sln');
export const API_PROJECT = path.join(ROOT, 'backend', 'CallCenter.Api', 'CallCenter.Api.csproj');
export const API_DLL = path.join(ROOT, 'backend', 'CallCenter.Api', 'bin', 'Release', 'net10.0', 'CallCenter.Api.dll');
export const FRONTEND_DIR = path.join(ROOT, 'frontend');
export const SPA_DIR = path.join(FRONTEND_DIR, 'dist');
export const E2E_CONFIG = path.join(ROOT, 'tests', 'e2e', 'playwright.config.ts');
export const TEST_RESULTS = path.join(ROOT, 'test-results');
