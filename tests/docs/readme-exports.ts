import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

export interface PackageEntry {
  /** The subpath, e.g. `.` or `./server`. */
  subpath: string
  /** The source file the subpath points at. */
  source: string
}

export interface ExportedValue {
  name: string
  /** The package folder (under `packages/`) whose sources declare it. */
  declaredIn: string
}

/** The entries a package publishes that have TypeScript sources. */
export function packageEntries(packageDirectory: string): PackageEntry[] {
  const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'))
  const entries: PackageEntry[] = []
  for (const [subpath, target] of Object.entries<Record<string, string> | string>(
    manifest.exports ?? {},
  )) {
    const source = typeof target === 'object' ? target['@kvidai/source'] : undefined
    if (source?.endsWith('.ts')) entries.push({ subpath, source: join(packageDirectory, source) })
  }
  return entries
}

/**
 * The values (functions, components, constants, classes) each entry exports, as the
 * compiler resolves them, with the package that declares each. Types are left to the API
 * reference.
 */
export function exportedValues(
  sources: string[],
  packagesDirectory: string,
): Map<string, ExportedValue[]> {
  const program = ts.createProgram(sources, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    allowImportingTsExtensions: true,
    customConditions: ['@kvidai/source'],
    noEmit: true,
    skipLibCheck: true,
  })
  const checker = program.getTypeChecker()
  const values = new Map<string, ExportedValue[]>()
  for (const source of sources) {
    const file = program.getSourceFile(source)
    const module = file && checker.getSymbolAtLocation(file)
    const exported = module ? checker.getExportsOfModule(module) : []
    const list: ExportedValue[] = []
    for (const symbol of exported) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
      if (!(target.flags & ts.SymbolFlags.Value)) continue
      const declaration = target.declarations?.[0]?.getSourceFile().fileName ?? source
      const declaredIn = relative(packagesDirectory, declaration).split(sep)[0] ?? ''
      list.push({ name: symbol.name, declaredIn })
    }
    values.set(source, list)
  }
  return values
}

/** Whether the README names the export as code: `name`, `name(…)`, `<Name>` or `Name.Part`. */
export function mentions(readme: string, name: string): boolean {
  return new RegExp(`[\`<.]${name}(?![A-Za-z0-9_])`).test(readme)
}
