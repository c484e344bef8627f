import type { RapportBridge } from '../../../shared/api.ts'
import type { Person, PersonInput, RemovedPerson } from '../../../shared/schema.ts'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** The people list as the renderer sees it; every change goes to main first and shows once saved. */
export class PeopleState {
  #bridge: RapportBridge
  #people = $state<Person[]>([])
  #loaded = $state(false)
  #error = $state('')
  #lastRemoved = $state<RemovedPerson | null>(null)

  constructor(bridge: RapportBridge) {
    this.#bridge = bridge
  }

  get people(): Person[] {
    return this.#people
  }
  get loaded(): boolean {
    return this.#loaded
  }
  /** The last failure that is not tied to a form, for the toast. */
  get error(): string {
    return this.#error
  }
  get lastRemoved(): RemovedPerson | null {
    return this.#lastRemoved
  }

  async load(): Promise<void> {
    const result = await this.#bridge.listPeople()
    if (result.ok) this.#people = result.value
    else this.#error = result.error.message
    this.#loaded = true
  }

  /** Returns the error message for the form, or '' once the person is saved. */
  async create(input: PersonInput): Promise<string> {
    const result = await this.#bridge.createPerson({ person: input })
    if (!result.ok) return result.error.message
    this.#put(result.value)
    return ''
  }

  async update(id: string, input: PersonInput): Promise<string> {
    const result = await this.#bridge.updatePerson({ id, person: input })
    if (!result.ok) return result.error.message
    this.#put(result.value)
    return ''
  }

  async remove(id: string): Promise<void> {
    const result = await this.#bridge.deletePerson({ id })
    if (!result.ok) {
      this.#error = result.error.message
      return
    }
    this.#people = this.#people.filter((p) => p.id !== id)
    this.#lastRemoved = result.value
  }

  async undoRemove(): Promise<void> {
    const removed = this.#lastRemoved
    if (!removed) return
    const result = await this.#bridge.restorePerson({ removed: $state.snapshot(removed) })
    if (!result.ok) {
      this.#error = result.error.message
      return
    }
    this.#lastRemoved = null
    this.#put(result.value)
  }

  dismissRemoved(): void {
    this.#lastRemoved = null
  }

  dismissError(): void {
    this.#error = ''
  }

  #put(person: Person): void {
    const others = this.#people.filter((p) => p.id !== person.id)
    this.#people = [...others, person].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
  }
}
