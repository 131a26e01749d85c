// The use cases this adapter calls (src/ResourceHub.Application).
global using ResourceHub.Application;
global using ResourceHub.Application.Curation;
global using ResourceHub.Application.Resources;
global using ResourceHub.Application.Search;
global using ResourceHub.Application.Identity;
