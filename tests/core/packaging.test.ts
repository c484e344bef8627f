/**
 * The electron-builder configuration (electron-builder.yml), checked offline: it loads and validates with
 * electron-builder's own code, names the right targets and icons, packages only the built app, and sets the
 * hardening fuses. The last test packages a skeleton of this repository for Linux with a stand-in Electron binary
 * (a file carrying Electron's fuse wire), so the file selection and fuse flipping are electron-builder's real ones.
 */
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { Arch, build, Platform, type Configuration } from 'electron-builder'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ICNS_TYPES, ICO_SIZES, resize } from '../../build/icons.ts'
import { decodePng, pngSize } from '../../build/png.ts'

const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

// electron-builder's internals, resolved the way electron-builder itself resolves them.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'))
const { getConfig, validateConfiguration } = fromLib('app-builder-lib/out/util/config/config') as {
  getConfig: (
    projectDir: string,
    configPath: string | null,
    fromOptions: Configuration | null
  ) => Promise<Configuration>
  validateConfiguration: (config: Configuration, debugLogger: unknown) => Promise<void>
}
const { PlatformPackager } = fromLib('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } }
}
const { getMainFileMatchers } = fromLib('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers: (
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: unknown,
    platformPackager: unknown,
    outDir: string,
    isElectronCompile: boolean
  ) => Array<{ createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean }>
}
const { getCollectorByPackageManager, PM } = fromLib('app-builder-lib/out/node-module-collector') as {
  PM: { NPM: unknown }
  getCollectorByPackageManager: (
    pm: unknown,
    rootDir: string,
    tmp: unknown
  ) => { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: NodeModule[] }> }
}
interface NodeModule {
  name: string
  dependencies?: NodeModule[]
}
const { DebugLogger } = fromLib('builder-util') as { DebugLogger: new (enabled: boolean) => { isEnabled: boolean } }
const { TmpDir } = fromLib('temp-file') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } }
const asar = fromLib('@electron/asar') as { listPackage(file: string, options: object): string[] }

const config = await getConfig(root, null, null)
const buildResources = join(root, config.directories?.buildResources ?? 'build')
const temps: string[] = []
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** What `npm run build` writes, as far as these tests need it. */
const BUILT = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/renderer/assets/index-1.js'
]

const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  ((platform?.target ?? []) as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target))

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder loads, and passes its own validation (schema included)', async () => {
    expect(existsSync(join(root, 'electron-builder.yml'))).toBe(true)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The validator is live: a misspelt key is refused.
    const misspelt = { ...config, electronFuse: {} } as Configuration
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuse/)
  })

  it('names the app', () => {
    expect(config.appId).toBe('app.rapport.desktop')
    expect(config.productName).toBe('Rapport')
    expect(config.productName).toBe(pkg.productName)
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'resources' })
    expect(config.publish).toBeNull()
  })

  it('builds AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    expect(targetsOf(config.win)).toEqual(['nsis'])

    expect(config.linux).toMatchObject({ category: 'Office', executableName: 'rapport', syncDesktopName: true })
    // Electron takes the window's app_id / WM_CLASS from desktopName; the .desktop file is named after it.
    expect((config.extraMetadata as { desktopName?: string }).desktopName).toBe('rapport.desktop')
    expect(config.linux?.synopsis).toBeTruthy()
    // fpm refuses to build a .deb without a maintainer "Name <e-mail>" and a homepage.
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^<>@\s]+@[^<>\s]+>$/)
    expect((config.extraMetadata as { homepage?: string } | undefined)?.homepage).toMatch(/^https:\/\//)

    expect(config.mac).toMatchObject({ category: 'public.app-category.productivity', hardenedRuntime: true })
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true })
    // Uninstalling must never delete %APPDATA%\Rapport, where the journal lives.
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })

  it('has dist scripts for every OS', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder')
    expect(pkg.scripts['dist:linux']).toMatch(/^npm run build && electron-builder --linux\b/)
    expect(pkg.scripts['dist:mac']).toMatch(/^npm run build && electron-builder --mac\b/)
    expect(pkg.scripts['dist:win']).toMatch(/^npm run build && electron-builder --win\b/)
  })
})

describe('icons', () => {
  const iconPng = readFileSync(join(buildResources, 'icon.png'))
  const source = decodePng(iconPng)

  it('resources/icon.png is a square PNG of at least 512×512', () => {
    const size = pngSize(iconPng)
    expect(size).not.toBeNull()
    expect(size!.width).toBe(size!.height)
    expect(size!.width).toBeGreaterThanOrEqual(512)
  })

  it('every platform points at an icon in resources/', () => {
    expect(config.linux?.icon).toBe('icon.png')
    expect(config.mac?.icon).toBe('icon.icns')
    expect(config.win?.icon).toBe('icon.ico')
    for (const icon of [config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(existsSync(join(buildResources, icon!))).toBe(true)
    }
  })

  it('icon.icns holds 16…512 px PNGs, and its 512 px image is icon.png (so it is not stale)', () => {
    const icns = readFileSync(join(buildResources, 'icon.icns'))
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const entries = new Map<string, Buffer>()
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      entries.set(icns.toString('latin1', at, at + 4), icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)))
    }
    expect([...entries.keys()]).toEqual(ICNS_TYPES.map(([type]) => type))
    for (const [type, pixels] of ICNS_TYPES) {
      expect(pngSize(entries.get(type)!), type).toEqual({ width: pixels, height: pixels })
    }
    const expected = source.width === 512 ? source : resize(source, 512)
    expect(decodePng(entries.get('ic09')!).data).toEqual(expected.data)
  })

  it('icon.ico holds 16…256 px images, and its 256 px image is icon.png scaled down (so it is not stale)', () => {
    const ico = readFileSync(join(buildResources, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256)
    expect(sizes).toEqual([...ICO_SIZES])
    const last = 6 + 16 * (count - 1)
    const png = ico.subarray(ico.readUInt32LE(last + 12), ico.readUInt32LE(last + 12) + ico.readUInt32LE(last + 8))
    expect(decodePng(png).data).toEqual(resize(source, 256).data)
  })
})

describe('what goes into the package', () => {
  it('is out/**, package.json and the window icon, in an asar, with no native rebuild', () => {
    const patterns = (config.files as Array<{ filter?: string[] }>).flatMap((set) => set.filter ?? [])
    expect(patterns).toEqual(['out/**', 'package.json', 'resources/icon.png'])
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.extraFiles ?? []).toEqual([])
    expect(config.extraResources ?? []).toEqual([])
  })

  it('the window icon the main process loads is still resources/icon.png, the one `files` packs', () => {
    // src/main/window.ts resolves it against out/main, i.e. app.asar/resources/icon.png once packaged.
    expect(readFileSync(join(root, 'src/main/window.ts'), 'utf8')).toContain("'../../resources/icon.png'")
  })

  it("electron-builder's own file filter takes the built app and refuses sources, tests and tooling", () => {
    const packager = {
      info: {
        projectDir: root,
        buildResourcesDir: buildResources,
        config,
        isPrepackedAppAsar: false,
        debugLogger: new DebugLogger(false)
      }
    }
    const [matcher] = getMainFileMatchers(root, '/app', (p) => p, config, packager, join(root, 'dist'), false)
    const accepts = matcher!.createFilter()
    const file = { isDirectory: () => false }
    const dir = { isDirectory: () => true }
    const at = (path: string) => join(root, ...path.split('/'))

    for (const path of [...BUILT, 'package.json', 'resources/icon.png']) {
      expect(accepts(at(path), file), path).toBe(true)
    }
    for (const path of ['src', 'tests', 'docs', 'bench', 'build', '.ci', '.git', 'coverage', 'dist']) {
      expect(accepts(at(path), dir), `${path}/`).toBe(false)
    }
    for (const path of [
      'src/main/index.ts',
      'src/renderer/App.svelte',
      'tests/core/packaging.test.ts',
      'tests/fixtures/journal.json',
      'docs/store.md',
      'bench/index.ts',
      'build/icons.ts',
      'resources/icon.icns',
      'resources/icon.ico',
      'electron-builder.yml',
      'electron.vite.config.ts',
      'vitest.config.ts',
      'tsconfig.json',
      'package-lock.json',
      'README.md',
      '.npmrc'
    ]) {
      expect(accepts(at(path), file), path).toBe(false)
    }
  })

  it('no files pattern reaches sources, tests or everything', () => {
    const patterns = (config.files as Array<{ filter?: string[] }>).flatMap((set) => set.filter ?? [])
    for (const pattern of patterns) {
      expect(pattern).not.toMatch(/^(\.\/)?(src|tests|docs|bench|build)(\/|$)/)
      expect(pattern).not.toMatch(/^(\*\*\/?\*?|\*)$/)
    }
  })

  it('packs the production dependencies and never a devDependency', async () => {
    const tools = ['electron', 'electron-builder', '@electron/fuses', 'electron-vite', 'vitest', 'svelte', 'typescript']
    for (const tool of tools) {
      expect(pkg.devDependencies, tool).toHaveProperty([tool])
      expect(pkg.dependencies, tool).not.toHaveProperty([tool])
    }
    // The production tree electron-builder would copy into app.asar, computed by its own collector (npm ls, offline).
    const tmp = new TmpDir('rapport-packaging-test')
    try {
      const collector = getCollectorByPackageManager(PM.NPM, root, tmp)
      const { nodeModules } = await collector.getNodeModules({ packageName: 'rapport' })
      const names = new Set<string>()
      const walk = (list: NodeModule[]): void => {
        for (const m of list) {
          names.add(m.name)
          walk(m.dependencies ?? [])
        }
      }
      walk(nodeModules)
      for (const dependency of Object.keys(pkg.dependencies)) expect(names, dependency).toContain(dependency)
      for (const devDependency of Object.keys(pkg.devDependencies)) {
        expect(names, devDependency).not.toContain(devDependency)
      }
    } finally {
      await tmp.cleanup()
    }
  }, 60_000)
})

describe('hardening fuses', () => {
  const hardened = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // On until the renderer is served from a custom protocol: the page is a file:// URL inside app.asar.
    grantFileProtocolExtraPrivileges: true
  }

  it('electronFuses sets every fuse explicitly, as listed', () => {
    expect(config.electronFuses).toEqual({ ...hardened, resetAdHocDarwinSignature: true })
  })

  it('electron-builder turns them into the fuse wire @electron/fuses writes', async () => {
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses)
    expect(wire).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true
    })
  })

  it('asar integrity has what it needs: an asar, and electron-builder computing its hash', () => {
    expect(config.asar).toBe(true)
    expect((config as { disableAsarIntegrity?: boolean }).disableAsarIntegrity).toBeUndefined()
    expect(config.win?.signAndEditExecutable).not.toBe(false)
  })
})

describe('packaging a skeleton of this repository (Linux, unpacked, stand-in Electron)', () => {
  // Electron's fuse wire: a sentinel, the wire version, its length, then one byte per fuse ('0' off, '1' on).
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  const ELECTRON_DEFAULTS = '101100011' // Electron's shipped state, plus a ninth fuse this tooling does not know

  /** Every file of the checkout, minus what is generated or installed. */
  function checkoutFiles(dir = root): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (dir === root && ['node_modules', '.git', 'out', 'dist', 'coverage'].includes(entry.name)) return []
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return checkoutFiles(path)
      return entry.isFile() ? [relative(root, path).split(sep).join('/')] : []
    })
  }

  it('puts only out/**, package.json and the icon in app.asar, and flips the fuses on the binary', async () => {
    const work = await mkdtemp(join(tmpdir(), 'rapport-dist-'))
    temps.push(work)
    const project = join(work, 'project')
    const electronDist = join(work, 'electron')
    const output = join(work, 'dist')

    // The project: every checkout path as an empty file, the real config and icons, a built app in out/.
    for (const path of checkoutFiles()) {
      await mkdir(dirname(join(project, path)), { recursive: true })
      await writeFile(join(project, path), '')
    }
    for (const path of ['electron-builder.yml', 'resources/icon.png', 'resources/icon.icns', 'resources/icon.ico']) {
      await copyFile(join(root, path), join(project, path))
    }
    const { dependencies: _d, devDependencies: _dd, scripts: _s, ...metadata } = pkg as Record<string, unknown>
    await writeFile(join(project, 'package.json'), JSON.stringify(metadata, null, 2))
    for (const path of BUILT) {
      await mkdir(dirname(join(project, path)), { recursive: true })
      await writeFile(join(project, path), `// ${path}\n`)
    }

    // The stand-in Electron: an executable carrying the fuse wire at Electron's defaults.
    await mkdir(join(electronDist, 'resources'), { recursive: true })
    await mkdir(join(electronDist, 'locales'), { recursive: true })
    await writeFile(join(electronDist, 'locales', 'en-US.pak'), '')
    await writeFile(join(electronDist, 'LICENSE'), '')
    await writeFile(join(electronDist, 'version'), '45.0.0')
    const binary = Buffer.concat([
      Buffer.from('stand-in electron\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, ELECTRON_DEFAULTS.length]),
      Buffer.from(ELECTRON_DEFAULTS)
    ])
    await writeFile(join(electronDist, 'electron'), binary)
    await chmod(join(electronDist, 'electron'), 0o755)

    const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist, electronVersion, directories: { output } }
    })

    const unpacked = join(output, 'linux-unpacked')
    const packed = asar
      .listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false })
      .map((path) => path.split(sep).join('/').replace(/^\//, ''))
    const folders = ['out', 'out/main', 'out/preload', 'out/renderer', 'out/renderer/assets', 'resources']
    const files = packed.filter((path) => !folders.includes(path))
    expect(files.sort()).toEqual([...BUILT, 'package.json', 'resources/icon.png'].sort())

    const fuses = await getCurrentFuseWire(join(unpacked, 'rapport'))
    const state = (on: boolean) => (on ? 49 : 48) // '1' : '0'
    expect(fuses[FuseV1Options.RunAsNode]).toBe(state(false))
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(state(true))
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(state(false))
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(state(false))
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(state(true))
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(state(true))
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(state(false))
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(state(true))
    // A fuse this electron-builder does not know (Electron's ninth) is left as Electron ships it.
    expect((fuses as Record<number, unknown>)[8]).toBe(state(true))
  }, 120_000)
})
