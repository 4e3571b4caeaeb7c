export * from './org';
export * from './identity';
export * from './join';
export * from './system';
export * from './notifications';
export * from './points';
export * from './bins';
export * from './media';
