import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/svelte'
import { afterEach } from 'vitest'

// findBy*/waitFor resolve on the DOM change they wait for; this only bounds a failure. The library's 1 s
// default made a toast that appeared late on a loaded machine fail a test that passes alone.
configure({ asyncUtilTimeout: 15_000 })

afterEach(() => cleanup())
