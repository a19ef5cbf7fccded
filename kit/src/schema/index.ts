export * from './scalars.ts';
export * from './sdl.ts';
