import type { ApiResult } from '../../../shared/errors.ts'

/** One piece of data read from main, with its loading and error state. */
export class Loaded<T> {
  #fetch: () => Promise<ApiResult<T>>
  #value = $state<T | null>(null)
  #error = $state('')
  #loading = $state(true)

  constructor(fetch: () => Promise<ApiResult<T>>) {
    this.#fetch = fetch
  }

  get value(): T | null {
    return this.#value
  }
  get error(): string {
    return this.#error
  }
  get loading(): boolean {
    return this.#loading
  }

  async load(): Promise<void> {
    const result = await this.#fetch()
    if (result.ok) {
      this.#value = result.value
      this.#error = ''
    } else {
      this.#error = result.error.message
    }
    this.#loading = false
  }
}
