import type { Catalog } from '../i18n/en'

/**
 * Spanish, opt-in so apps that do not speak it do not ship it:
 * `<KvidMessagesProvider catalogs={{ es }}>`. Typed `Catalog`: exactly English's keys.
 */
export const es: Catalog = {
  // Scene progress board
  'board.label': 'Progreso de las escenas',
  'board.summary': {
    plural: 'total',
    one: '{completed} de {total} escena',
    other: '{completed} de {total} escenas',
  },
  'board.failedCount': { plural: 'failed', one: '{failed} fallida', other: '{failed} fallidas' },
  'board.empty': 'Aún no hay escenas.',
  'board.emptyResumable': {
    plural: 'count',
    one: 'La última ejecución dejó {count} escena sin terminar.',
    other: 'La última ejecución dejó {count} escenas sin terminar.',
  },
  'board.announce.completed': {
    plural: 'count',
    one: 'Se terminó {count} escena más. {completed} de {total}.',
    other: 'Se terminaron {count} escenas más. {completed} de {total}.',
  },
  'board.announce.failed': {
    plural: 'count',
    one: 'Falló {count} escena.',
    other: 'Fallaron {count} escenas.',
  },
  'scene.label': 'Escena {number}',
  'scene.state.pending': 'En espera',
  'scene.state.running': 'Generando…',
  'scene.state.complete': 'Lista',
  'scene.state.failed': 'Fallida',
  'scene.state.interrupted': 'Interrumpida',
  'scene.state.stopped': 'Detenida',
  'scene.voiceWarning': 'Sin narración',
  'scene.retry': 'Reintentar',
  'scene.retryLabel': 'Reintentar escena {number}',

  // Resume
  'resume.button': {
    plural: 'count',
    one: '▶ Reanudar {count} escena',
    other: '▶ Reanudar {count} escenas',
  },
  'resume.busy': 'Reanudando…',

  // Credit shortage
  'credit.title': 'Créditos insuficientes',
  'credit.description':
    'El video se detuvo porque se agotaron tus créditos. Las escenas terminadas se conservan.',
  'credit.progress': {
    plural: 'total',
    one: '{completed} de {total} escena lista',
    other: '{completed} de {total} escenas listas',
  },
  'credit.remaining': 'Créditos restantes',
  'credit.perScene': 'Costo estimado por escena',
  'credit.covers': {
    plural: 'count',
    one: 'Tu saldo alcanza para {count} escena más.',
    other: 'Tu saldo alcanza para {count} escenas más.',
  },
  'credit.needed': 'Créditos necesarios para terminar',
  'credit.unit': { plural: 'credits', one: '{credits} crédito', other: '{credits} créditos' },
  'credit.topUp': 'Recargar créditos',
  'credit.resume': 'Reanudar',
  'credit.tryAgain': 'Intentar de nuevo',
  'credit.close': 'Cerrar',
  'credit.rejected':
    'No había créditos suficientes para empezar: {available} disponibles, {required} necesarios.',

  // Run status
  'stop.button': 'Detener',
  'status.stalled': 'El agente no da noticias desde hace {duration} — seguimos esperando.',
  'boundary.message': 'No se pudo mostrar este panel.',
  'boundary.reset': 'Restablecer',
  'status.timeLeft': 'Quedan unos {duration}',
  'status.underAMinute': 'Queda menos de un minuto',
  'status.tokens': '{input} tokens de entrada y {output} de salida',
  'status.elsewhere':
    'Se está ejecutando en otra pestaña: síguelo aquí; Detener también la detiene allí.',
  'status.idle': 'Listo',
  'status.submitting': 'Enviando…',
  'status.streaming': 'Trabajando…',
  'status.done': 'Terminado',
  'status.failed': 'Falló',
  'status.rejected': 'No iniciado',
  'status.interrupted': 'Interrumpido: puedes reanudarlo',
  'status.stopped': 'Detenido',
  'status.cost': 'Créditos usados',
  'status.costTotal': {
    plural: 'credits',
    one: '{credits} crédito en total',
    other: '{credits} créditos en total',
  },

  // Tool activity
  'tools.label': 'Actividad del agente',
  'tools.empty': 'Aún no se han usado herramientas.',
  'tools.running': 'en curso',
  'tools.success': 'listo',
  'tools.failed': 'falló',

  // Template warnings
  'warnings.label': 'Advertencias de la plantilla',

  // Errors: what happened and the fix
  'error.UNAUTHORIZED':
    'No se aceptó la clave de API. Revisa la clave o genera una nueva en tu panel de kvid.ai.',
  'error.CONCURRENT_LIMIT': 'Hay otra ejecución en curso: espera a que termine o reanúdala.',
  'error.INSUFFICIENT_CREDIT':
    'No hay créditos suficientes para empezar. Recarga e inténtalo de nuevo.',
  'error.MISSING_PARAMETERS': 'A la solicitud le faltaba algo: {detail}',
  'error.ZOMBIE_TIMEOUT': 'La ejecución anterior se bloqueó y se detuvo. Inténtalo de nuevo.',
  'error.FORBIDDEN': 'Esta cuenta no puede modificar ese proyecto.',
  'error.PROJECT_NOT_FOUND': 'Ese proyecto ya no existe.',
  'error.JOB_NOT_FOUND': 'Ese trabajo de video ya no existe. Inicia una nueva ejecución.',
  'error.INTERNAL_ERROR': 'El agente tuvo un problema interno. Inténtalo de nuevo en un momento.',
  'error.rate_limited': 'Demasiadas solicitudes. Inténtalo de nuevo en {seconds} segundos.',
  'error.invalid_input': 'No se aceptó la solicitud: {detail}',
  'error.UNKNOWN': 'El agente rechazó la solicitud: {detail}',
  'error.BAD_RESPONSE':
    'El servidor envió una respuesta inesperada (estado {status}). Inténtalo de nuevo en un momento.',
  'error.RUN_IN_FLIGHT': 'Ya hay una ejecución en curso.',
  'error.RUNNING_IN_ANOTHER_TAB':
    'Hay una ejecución en curso en otra pestaña y solo puede haber una a la vez. Síguela allí o detenla.',
  'error.NO_JOB': 'No hay nada que reanudar.',
  'error.validation': 'Revisa {field}: {detail}',
  'error.stream': 'El agente se detuvo con un error: {detail}',
  'error.protocol':
    'El agente envió algo que esta app no pudo leer. El trabajo terminado se conserva.',
  'error.interrupted':
    'Se perdió la conexión. Las escenas terminadas se conservan: reanuda para terminar el resto.',
  'error.dismiss': 'Descartar',

  // Prompt
  'prompt.label': 'Instrucción',
  'prompt.placeholder': 'Describe una edición o un video que quieras crear…',
  'prompt.submit': 'Ejecutar agente',
  'prompt.attach': 'Adjuntar archivos',
  'prompt.remove': 'Quitar {name}',
  'prompt.attachments': 'Archivos adjuntos',
  'prompt.empty': 'Primero escribe una instrucción.',
  'prompt.tooLong': 'La instrucción es demasiado larga: máximo {max} caracteres.',
  'prompt.tooMany': 'Puedes adjuntar como máximo {max} archivos.',
  'prompt.tooLarge': '{name} es demasiado grande: máximo {max} MB por archivo.',
  'prompt.badType': 'No se puede adjuntar {name}: usa imágenes, video, audio, PDF o texto.',
  'prompt.readFailed': 'No se pudo leer {name}. Vuelve a adjuntarlo.',
  'prompt.reading': 'Leyendo archivos…',

  // Timeline
  'timeline.label': 'Línea de tiempo de la composición',
  'timeline.empty': 'La composición está vacía.',
  'timeline.track': 'Pista {name}',
  'timeline.item': '{type} desde {start} s durante {duration} s',

  // Messages the agent's done event names, re-translated when the locale changes
  'Agent.longVideo.done.complete': 'Tu video de {totalScenes} escenas está listo.',
  'Agent.longVideo.done.partial':
    '{completedScenes} de {totalScenes} escenas están listas; {remainingScenes} fallaron y se pueden reanudar.',
  'Agent.longVideo.done.insufficientCredit':
    'Los créditos se agotaron tras {completedScenes} de {totalScenes} escenas. Recarga y reanuda para terminar las otras {remainingScenes}.',
  'Agent.longVideo.resume.done.complete': 'Reanudado: las {totalScenes} escenas están listas.',
  'Agent.longVideo.resume.done.partial':
    'Reanudado: {completedScenes} de {totalScenes} escenas están listas; faltan {remainingScenes}.',
  'Agent.longVideo.resume.done.insufficientCredit':
    'Los créditos se agotaron de nuevo tras {completedScenes} de {totalScenes} escenas. Recarga y reanuda para terminar las otras {remainingScenes}.',
  'Agent.longVideo.retryScene.done.complete': 'La escena {sceneNumber} se generó de nuevo.',
  'Agent.longVideo.retryScene.done.failed': 'La escena {sceneNumber} volvió a fallar.',
  'Agent.edit.done.textAdded': 'Añadí el texto «{text}» durante {seconds} segundos.',
  'Agent.edit.done.itemRegenerated': 'Generé un nuevo {itemType} para el elemento seleccionado.',
  'Agent.edit.done.backgroundChanged': 'Cambié el fondo.',
  'Agent.edit.done.applied': 'Hice {changes} cambios en la composición.',
  'Agent.edit.done.nothingToDo':
    'No supe qué cambiar. Prueba a pedir un título, un fondo nuevo o regenerar un elemento.',
}
